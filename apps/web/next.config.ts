import path from 'node:path';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Self-contained server in .next/standalone for the container image.
  output: 'standalone',
  // Trace files from the monorepo root so workspace packages (@musicapp/types) land in the standalone output.
  outputFileTracingRoot: path.join(__dirname, '../..'),
  poweredByHeader: false,
  // nginx-frontend compresses every answer; doing it here too would spend the web replicas' CPU twice.
  compress: false,
  reactStrictMode: true,
};

export default nextConfig;
