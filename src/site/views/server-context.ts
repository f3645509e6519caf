import { type Context, createContext } from 'preact'

/** What a context's Provider is called on: the component preact makes for it. */
type ProviderSelf = { sub?: (reader: object) => void }

const subscribeNobody = (): void => {}

/**
 * A context for pages that are rendered once, on the server (ADR 042). It is preact's own
 * context, with one change: the components that read it do not subscribe to their Provider.
 *
 * preact's Provider keeps every component that reads it (`useContext`) in a Set, and wraps the
 * component's `componentWillUnmount`, so that it can render those components again when its
 * value changes. A page rendered to a string is never rendered again, so nothing ever uses that
 * list. But with it, a page's components, and with them their vnodes, props and strings, kept
 * surviving V8's young-generation collections and were promoted to the old generation (measured
 * in ADR 042; why V8 keeps them was not established). Without the subscriptions an uncached
 * article page promotes 40 KB instead of 57, and 3,000 such pages cost 16 old-generation
 * collections instead of 25.
 *
 * The Provider is preact's own function, called as preact calls it; afterwards its `sub` (how a
 * reader subscribes) does nothing. If a later preact calls that method something else, this
 * change does nothing, and pages stay right: they are only slower again.
 */
export function serverContext<T>(defaultValue: T): Context<T> {
  const made = createContext(defaultValue)
  const provide = made.Provider as unknown as (this: ProviderSelf, props: object) => unknown
  function ServerProvider(this: ProviderSelf, props: object): unknown {
    const children = provide.call(this, props)
    this.sub = subscribeNobody
    return children
  }
  // The context's identity (its id and default value) and its Consumer, as preact made them;
  // the Provider and the context are one function in preact, so both become this one.
  const context = Object.assign(ServerProvider, made) as unknown as Context<T>
  context.Provider = context
  ;(made.Consumer as { contextType?: unknown }).contextType = context
  return context
}
