import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { type RequestHandler } from 'express';
import type { HtmlPage } from './route.js';

/** Where the reference page finds Swagger UI's script and stylesheet (served from swagger-ui-dist). */
export const API_REFERENCE_ASSETS = '/docs/assets';

/** The only files of swagger-ui-dist the page uses; nothing else of the package is served. */
const ASSET_FILES = new Set(['swagger-ui-bundle.js', 'swagger-ui.css']);

// BaseLayout: no top bar, so the page shows this api's document and cannot be pointed at another URL.
const START_SCRIPT = `SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#reference',
  layout: 'BaseLayout',
  deepLinking: true,
  validatorUrl: null,
  defaultModelsExpandDepth: 0,
});`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Musicapp API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${API_REFERENCE_ASSETS}/swagger-ui.css">
</head>
<body>
<noscript>The reference needs JavaScript; the OpenAPI document itself is at <a href="/openapi.json">/openapi.json</a>.</noscript>
<div id="reference"></div>
<script src="${API_REFERENCE_ASSETS}/swagger-ui-bundle.js"></script>
<script>${START_SCRIPT}</script>
</body>
</html>
`;

/**
 * The page's own policy, in place of the api's `default-src 'none'`: scripts and styles from this origin
 * only, the one inline script by its hash, requests ("Try it out") to this origin only, the icons
 * Swagger UI draws as data: images; still never framed.
 */
const PAGE_POLICY = [
  "default-src 'none'",
  `script-src 'self' 'sha256-${createHash('sha256').update(START_SCRIPT).digest('base64')}'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join(';');

/** The browsable API reference, what /docs sends a browser: Swagger UI rendering /openapi.json, all served by the api itself. */
export const apiReferencePage: HtmlPage = {
  description: 'The API reference (Swagger UI) rendering /openapi.json',
  headers: { 'Content-Security-Policy': PAGE_POLICY },
  body: PAGE,
};

/** Swagger UI's script and stylesheet, from the installed swagger-ui-dist (no CDN). */
export function apiReferenceAssets(): RequestHandler {
  const root = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist'));
  const files = express.static(root, { index: false, fallthrough: true, maxAge: '1h' });
  return (req, res, next) => {
    if (!ASSET_FILES.has(req.path.slice(1))) return next();
    files(req, res, next);
  };
}
