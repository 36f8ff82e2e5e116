// Unit tests run in Node: fake-indexeddb provides IndexedDB for Dexie.
import 'fake-indexeddb/auto';
