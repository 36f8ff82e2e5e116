// pdfmake's modules are CommonJS with `exports.default = …` (Babel's output). Imported from an ES
// module, their default is that class for some loaders (Vitest, tsx: they honour `__esModule`) and
// the whole `exports` object for others (Vite's build, Node), whose `default` is then the class.
export function cjsDefault<T>(namespace: { default: T }): T {
  let value: unknown = namespace.default;
  while (typeof value === 'object' && value !== null && 'default' in value) value = value.default;
  return value as T;
}
