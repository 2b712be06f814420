import { AppDb } from './app-db';

let instance: AppDb | null = null;

/** The one database instance of the background service worker. */
export function getDb(): AppDb {
  instance ??= new AppDb('docket-watch');
  return instance;
}
