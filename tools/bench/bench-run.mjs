// What every bench does around its measurements: a MariaDB database of its own, and cleanups that
// always run, last registered first, however the bench ends (each bench is a process of its own).
import { randomBytes } from 'node:crypto';
import { testMysqlServer } from '@musicapp/test-kit';
import mysql from 'mysql2/promise';

export const MYSQL = testMysqlServer();
const cleanups = [];

/** Runs `cleanup` when the bench ends. */
export const atEnd = (cleanup) => cleanups.push(cleanup);

/** A fresh `musicapp_bench_<random>` database, dropped at the end (the api migrates it at start-up). */
export async function benchDatabase() {
  const admin = await mysql.createConnection(MYSQL);
  const database = `musicapp_bench_${randomBytes(5).toString('hex')}`;
  await admin.query(`create database \`${database}\``);
  atEnd(async () => {
    await admin.query(`drop database if exists \`${database}\``);
    await admin.end();
  });
  return database;
}

/** A connection to the bench's database, for loading rows behind the api's back; closed at the end. */
export async function connectTo(database) {
  const db = await mysql.createConnection({ ...MYSQL, database });
  atEnd(() => db.end());
  return db;
}

/** Runs the bench, then every cleanup, whether it succeeded or not. */
export async function runBench(main) {
  try {
    await main();
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  }
}
