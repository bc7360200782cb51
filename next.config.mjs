import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The product is served by src/server (Express); Next only renders the admin and API routes.
  poweredByHeader: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
