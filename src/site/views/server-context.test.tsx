import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type Context, createContext } from 'preact'
import { useContext } from 'preact/hooks'
import { renderToString } from 'preact-render-to-string'
import { serverContext } from './server-context.js'

/** The same tree with preact's context and with ours: the HTML must be the same. */
function page(A: Context<string>, B: Context<number>) {
  function Reader(props: { label: string }) {
    return (
      <p>
        {props.label}: {useContext(A)} / {useContext(B)}
      </p>
    )
  }
  return (
    <div>
      <Reader label="no provider" />
      <A.Provider value="outer">
        <B.Provider value={1}>
          <Reader label="both" />
          <A.Provider value="inner">
            <Reader label="nested" />
            <A.Consumer>{(v: string) => <i>consumed {v}</i>}</A.Consumer>
          </A.Provider>
          <Reader label="outer again" />
        </B.Provider>
      </A.Provider>
    </div>
  )
}

test('a server context renders what preact’s own context renders: defaults, nesting, Consumer', () => {
  const ours = renderToString(page(serverContext('default'), serverContext(0)))
  const theirs = renderToString(page(createContext('default'), createContext(0)))
  assert.equal(ours, theirs)
  assert.match(ours, /no provider: default \/ 0/)
  assert.match(ours, /both: outer \/ 1/)
  assert.match(ours, /nested: inner \/ 1/)
  assert.match(ours, /consumed inner/)
  assert.match(ours, /outer again: outer \/ 1/)
})

test('two server contexts do not read each other', () => {
  const A = serverContext('a')
  const B = serverContext('b')
  function Both() {
    return (
      <span>
        {useContext(A)}-{useContext(B)}
      </span>
    )
  }
  assert.equal(
    renderToString(
      <A.Provider value="x">
        <Both />
      </A.Provider>,
    ),
    '<span>x-b</span>',
  )
})

test('a reader does not subscribe to a server context’s provider; to preact’s own it does', () => {
  // The Provider, called as preact calls it, on the component preact would make for it.
  const subscribe = (context: Context<string>) => {
    const provider: { sub?: (reader: object) => void } = {}
    const run = context.Provider as unknown as (this: object, props: object) => unknown
    assert.equal(run.call(provider, { value: 'v', children: 'child' }), 'child')
    const reader: { componentWillUnmount?: () => void } = {}
    provider.sub?.(reader)
    return reader
  }
  assert.equal(typeof subscribe(createContext('d')).componentWillUnmount, 'function')
  assert.equal(subscribe(serverContext('d')).componentWillUnmount, undefined)
})
