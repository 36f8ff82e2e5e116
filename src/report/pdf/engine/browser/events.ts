// `events` for the PDF engine in the browser: the part of Node's EventEmitter that pdfmake (its
// layout's page and line events) and the stream below use, with Node's semantics for it: listeners
// run in the order added, a listener removed while an event is emitted still runs for that event,
// removeListener takes out the last-added copy, and an 'error' nobody listens to is thrown.
type Listener = (...args: unknown[]) => void;

export class EventEmitter {
  private readonly listenersByEvent = new Map<string | symbol, Listener[]>();

  on(event: string | symbol, listener: Listener): this {
    const listeners = this.listenersByEvent.get(event);
    if (listeners) listeners.push(listener);
    else this.listenersByEvent.set(event, [listener]);
    return this;
  }

  addListener(event: string | symbol, listener: Listener): this {
    return this.on(event, listener);
  }

  once(event: string | symbol, listener: Listener): this {
    const once: Listener = (...args) => {
      this.removeListener(event, once);
      listener.apply(this, args);
    };
    return this.on(event, once);
  }

  removeListener(event: string | symbol, listener: Listener): this {
    const listeners = this.listenersByEvent.get(event);
    const index = listeners ? listeners.lastIndexOf(listener) : -1;
    if (listeners && index >= 0) {
      listeners.splice(index, 1);
      if (listeners.length === 0) this.listenersByEvent.delete(event);
    }
    return this;
  }

  off(event: string | symbol, listener: Listener): this {
    return this.removeListener(event, listener);
  }

  listenerCount(event: string | symbol): number {
    return this.listenersByEvent.get(event)?.length ?? 0;
  }

  emit(event: string | symbol, ...args: unknown[]): boolean {
    const listeners = this.listenersByEvent.get(event);
    if (!listeners) {
      if (event === 'error') throw args[0] instanceof Error ? args[0] : new Error(`Unhandled error: ${args[0]}`);
      return false;
    }
    for (const listener of [...listeners]) listener.apply(this, args);
    return true;
  }
}

export default EventEmitter;
