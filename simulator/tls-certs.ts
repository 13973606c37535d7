// A throwaway private CA and a server certificate signed by it, for serving the simulator over
// HTTPS (tests, serve.ts --https). Keys come from node:crypto; the signing needs openssl, since
// node:crypto cannot issue X.509 certificates.
import { execFile } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { isIP } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** localhost and 127.0.0.1 for direct use; a made-up name only a test proxy resolves. */
export const DEFAULT_CERT_HOSTS = ['localhost', '127.0.0.1', 'api.platform.test'] as const

export interface TestCertificates {
  /** The temp folder holding every file below. */
  dir: string
  /** The CA certificate: what NODE_EXTRA_CA_CERTS (or an https.Agent's `ca`) should trust. */
  caCertPath: string
  caCert: string
  /** The server's certificate (signed by the CA) and its private key, PEM. */
  certPath: string
  cert: string
  keyPath: string
  key: string
  /** The names and addresses in the server certificate's subjectAltName. */
  hosts: string[]
  /** Deletes dir; idempotent. */
  remove(): Promise<void>
}

function pemKey(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
}

async function openssl(args: string[], cwd: string): Promise<void> {
  try {
    await run('openssl', args, { cwd })
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr
    const detail = typeof stderr === 'string' && stderr !== '' ? stderr.trim() : String(error)
    throw new Error(`openssl ${args[0] ?? ''} failed: ${detail}`)
  }
}

/** How the CA signs the server's certificate: its extensions, and where it goes. */
const SIGNED_AS_SERVER = ['-extfile', 'openssl.cnf', '-extensions', 'server', '-out', 'server.crt']

/**
 * Writes a CA and a server certificate for `hosts` (valid two days) into a fresh temp folder.
 * About a tenth of a second; make one per test file and remove it afterwards.
 */
export async function makeCertificates(
  hosts: readonly string[] = DEFAULT_CERT_HOSTS,
  options: { expired?: boolean } = {}
): Promise<TestCertificates> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sim-tls-'))
  const file = (name: string) => path.join(dir, name)
  const remove = () => rm(dir, { recursive: true, force: true })
  try {
    const tag = randomBytes(4).toString('hex')
    const san = hosts.map((h) => (isIP(h) === 0 ? `DNS:${h}` : `IP:${h}`)).join(',')
    // A config of our own, so the result does not depend on the system's openssl.cnf.
    await writeFile(
      file('openssl.cnf'),
      [
        '[req]',
        'distinguished_name = dn',
        'prompt = no',
        '[dn]',
        `CN = simulator test CA ${tag}`,
        '[ca]',
        'basicConstraints = critical,CA:TRUE',
        'keyUsage = critical,keyCertSign,cRLSign',
        'subjectKeyIdentifier = hash',
        '[server]',
        'basicConstraints = critical,CA:FALSE',
        'keyUsage = critical,digitalSignature',
        'extendedKeyUsage = serverAuth',
        `subjectAltName = ${san}`,
        'authorityKeyIdentifier = keyid',
        ''
      ].join('\n')
    )
    await writeFile(file('ca.key'), pemKey(), { mode: 0o600 })
    await writeFile(file('server.key'), pemKey(), { mode: 0o600 })
    const common = ['-config', 'openssl.cnf', '-days', '2']
    await openssl(
      ['req', '-x509', ...common, '-extensions', 'ca', '-key', 'ca.key', '-out', 'ca.crt'],
      dir
    )
    await openssl(
      [
        'req',
        '-new',
        '-config',
        'openssl.cnf',
        '-key',
        'server.key',
        '-subj',
        `/CN=${hosts[0] ?? 'localhost'}`,
        '-out',
        'server.csr'
      ],
      dir
    )
    if (options.expired === true) {
      // Valid for one day in 2020: the CA is trusted, the certificate out of date.
      await writeFile(
        file('expired.cnf'),
        [
          '[ca]',
          'default_ca = expired',
          '[expired]',
          'database = index.txt',
          'new_certs_dir = .',
          'serial = serial',
          'default_md = sha256',
          'policy = any',
          '[any]',
          'commonName = supplied',
          ''
        ].join('\n')
      )
      await writeFile(file('index.txt'), '')
      await writeFile(file('serial'), `${randomBytes(8).toString('hex')}\n`)
      await openssl(
        [
          'ca',
          '-batch',
          '-config',
          'expired.cnf',
          '-cert',
          'ca.crt',
          '-keyfile',
          'ca.key',
          '-in',
          'server.csr',
          '-startdate',
          '20200101000000Z',
          '-enddate',
          '20200102000000Z',
          ...SIGNED_AS_SERVER
        ],
        dir
      )
    } else
      await openssl(
        [
          'x509',
          '-req',
          '-days',
          '2',
          '-in',
          'server.csr',
          '-CA',
          'ca.crt',
          '-CAkey',
          'ca.key',
          '-set_serial',
          `0x${randomBytes(8).toString('hex')}`,
          ...SIGNED_AS_SERVER
        ],
        dir
      )
    return {
      dir,
      caCertPath: file('ca.crt'),
      caCert: await readFile(file('ca.crt'), 'utf8'),
      certPath: file('server.crt'),
      cert: await readFile(file('server.crt'), 'utf8'),
      keyPath: file('server.key'),
      key: await readFile(file('server.key'), 'utf8'),
      hosts: [...hosts],
      remove
    }
  } catch (error) {
    await remove()
    throw error
  }
}
