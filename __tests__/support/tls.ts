// Test certificates: one maker, shared with simulator/serve.ts --https.
export {
  DEFAULT_CERT_HOSTS,
  makeCertificates,
  type TestCertificates
} from '../../simulator/tls-certs.js'
