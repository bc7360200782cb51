/**
 * A Payload route path (`/:id/actions/:action`, `/access/:id?`) as the OpenAPI paths it
 * answers: `{id}` templates, and an optional last parameter as two paths (OpenAPI has
 * no optional path parameters).
 */
export const openApiPaths = (base: string, path: string): string[] => {
  const join = (p: string) => (`${base}${p === '/' ? '' : p}`.replace(/\/+$/, '') || '/').replace(/:([A-Za-z0-9_]+)/g, '{$1}')
  const optional = /\/:([A-Za-z0-9_]+)\?$/.exec(path)
  if (!optional) return [join(path)]
  return [join(path.slice(0, optional.index) || '/'), join(path.replace(/\?$/, ''))]
}

/** The `{name}` parameters of an OpenAPI path. */
export const pathParameterNames = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)

/** The API's base for a collection's or a global's routes. */
export const baseOf = (apiRoute: string, scope: { collection?: string; global?: string }) =>
  scope.collection ? `${apiRoute}/${scope.collection}` : scope.global ? `${apiRoute}/globals/${scope.global}` : apiRoute
