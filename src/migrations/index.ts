import * as migration_20261125_154256_initial from './20261125_154256_initial';

export const migrations = [
  {
    up: migration_20261125_154256_initial.up,
    down: migration_20261125_154256_initial.down,
    name: '20261125_154256_initial'
  },
];
