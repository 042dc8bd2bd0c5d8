import express from 'express';

export const BODY_LIMIT_BYTES = 100 * 1024;

/** JSON body parsing, mounted only on the routes that take a body (GETs skip its cost). */
export const jsonBody = express.json({ limit: BODY_LIMIT_BYTES, strict: true });
