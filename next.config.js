// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The build output is checked by `npm run typecheck` and `npm run lint` in `npm test`;
  // `npm start` should not fail a user's first run on a lint rule.
  typescript: { ignoreBuildErrors: false },
  // Server actions read their whole body before the action (and its sign-in check) runs, so
  // their limit stays small. The largest form is the intake's paste: up to 2 MB of article
  // text, refused with a field message above that (lib/intake/text.ts), so the limit leaves
  // room for that message to be given; every other form is under ~150 kB.
  // Import files go to the streamed, authorised route app/admin/import/upload (MAX_UPLOAD_BYTES).
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  // Request-dependent headers (CSP with a nonce, X-Frame-Options, HSTS) are set in proxy.ts;
  // these hold for every response, static files included (docs/deploy.md).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
