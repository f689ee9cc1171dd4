// Module resolution hook registered by typescript-6.mjs (see there for why).
export async function resolve(specifier, context, next) {
  if (specifier === "typescript" && context.parentURL?.includes("/node_modules/@stryker-mutator/")) return next("typescript-6", context);
  return next(specifier, context);
}
