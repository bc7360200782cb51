/** One thing wrong with a request: where (`where.status.in`, `limit`, `data.topic`) and why. */
export type InputProblem = { path: string; message: string }
