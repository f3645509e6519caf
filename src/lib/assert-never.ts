/** Ends a switch over a union, so that a new member breaks the build instead of production. */
export function assertNever(x: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(x)}`)
}
