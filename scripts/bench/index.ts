// The benchmark: runs an action bundle (dist/index.js as it is in the working tree, never
// rebuilt) against the local Platform API simulator on 127.0.0.1 and prints one table.
//   npx tsx scripts/bench/index.ts [--write]
//     [--only lag,prior,startup,size,sweep,reuse,paging,proxy,limiter]
//                                  [--bundle dist/index.js] [--cli dist/cli/index.js]
// --write also rewrites BENCHMARKS.md, from a full run only.
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { format, resolveConfig } from 'prettier'
import { ROOT, WorkDir, log, sec, type Bench } from './common.js'
import { measureLag, type QuietTask } from './lag.js'
import { measurePaging, measureProxy } from './network.js'
import { modelPrior } from './prior.js'
import { PARTS, buildReport, type Part, type Report, type Results } from './report.js'
import { buildMinified, buildPlain, measureSizes, traceFrame } from './size.js'
import { measureReuse } from './reuse.js'
import { measureStartup } from './startup.js'
import { SWEEP_CONCURRENCY, SWEEP_SIZES, measureSweeps } from './sweep.js'
import { LIMITER_CONNECTORS, ON_ITS_WAY_MS, measureLimiter } from './limiter.js'

const BENCHMARKS_MD = path.join(ROOT, 'BENCHMARKS.md')
/** What is measured unless `--bundle` names another: the action as a runner runs it. */
const DEFAULT_BUNDLE = 'dist/index.js'
/** The command-line front end's bundle; its start-up is measured once it exists. */
const DEFAULT_CLI = 'dist/cli/index.js'

const USAGE =
  'usage: npm run bench -- [--write] [--only PART,...] [--bundle FILE] [--cli FILE]\n' +
  `  parts: ${PARTS.join(', ')}; --write (BENCHMARKS.md) needs them all\n`

interface Options {
  write: boolean
  only: Part[] | undefined
  bundle: string
  cli: string
}

class UsageError extends Error {}

function parseOptions(argv: string[]): Options | 'help' {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        write: { type: 'boolean', default: false },
        only: { type: 'string' },
        bundle: { type: 'string', default: DEFAULT_BUNDLE },
        cli: { type: 'string', default: DEFAULT_CLI },
        help: { type: 'boolean', default: false }
      },
      strict: true
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const { values } = parsed
  if (values.help) return 'help'
  let only: Part[] | undefined
  if (values.only !== undefined) {
    const names = values.only.split(',').map((name) => name.trim())
    const unknown = names.filter((name) => !(PARTS as readonly string[]).includes(name))
    if (unknown.length > 0) throw new UsageError(`unknown part: ${unknown.join(', ')}`)
    only = PARTS.filter((part) => names.includes(part))
  }
  if (values.write && only !== undefined) {
    throw new UsageError('--write rewrites BENCHMARKS.md from a full run: drop --only')
  }
  return { write: values.write, only, bundle: values.bundle, cli: values.cli }
}

async function writeBenchmarksMd(report: Report, results: Results): Promise<void> {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU'
  const bundle = results.bundleLabel
  const command =
    bundle === DEFAULT_BUNDLE
      ? 'npm run bench -- --write'
      : `npm run bench -- --write --bundle ${bundle}`
  const cliNote =
    results.startup?.cliMs === undefined
      ? ''
      : ` _CLI_ is \`${results.cliLabel}\`, timed the same way in the same rotation, with flags and
  \`UNSTRUCTURED_API_KEY\` instead of \`INPUT_*\` variables and the runner's files.`
  const doc = `# Benchmarks

Made with \`${command}\` (\`scripts/bench/\`) on ${os.cpus().length} cores (${cpu}),
${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version},
${os.type()} ${os.release()}. It runs \`${bundle}\` as it is in the working tree (the
bench never rebuilds \`dist/\`) the way a runner does, as a child process with \`INPUT_*\`
variables, against the Platform API simulator on 127.0.0.1, with the default inputs
(\`poll-interval-seconds\` 10, \`timeout-seconds\` 300, \`max-concurrency\` unset). The machine
may be shared with other work: the load average is in the table's header.

\`\`\`text
${report.text}
\`\`\`

## What each row means

- **T = 1 ... 90 s**: a check that turns final T s after the POST. _Lag_ is the time from the
  moment the simulator turns the check final to the moment the action's process has exited
  (both read on one clock, in the bench process); mean and max of the runs, each with its own
  simulator, the long ones side by side. _Worst case (model)_ is the longest lag any jitter
  draw can give at that T, from \`pollGap\`, plus the longest measured time from the last
  request to the exit. _Last poll ... latest_ compares the arrival of the GET that saw the final
  status with the latest moment any jitter draw allows for it; "after" means timers fired late
  (a busy machine), which can put a lag above the model. _Requests_ counts every request for the
  connector. The fixed-interval pollers follow from their interval I alone: mean lag I/2, and
  1 POST + ceil(T/I) GETs.
- **every T (model)**: the worst lag over every T up to 600 s (10 ms steps) and every jitter
  draw, as a share of 0.5 s + 0.25 T (at most the 10 s cap), with the measured exit time added;
  _least spare_ is the smallest gap between that worst lag and the target.
- **requests (model)**: the most requests any jitter draw needs at T = 30 and 90 s, and the worst
  ratio to a fixed 2 s poller over every T from 30 to 600 s, with the requests the runs made
  besides the POST and its polls (the baseline read and the name lookup) added.
- **start-up**: spawn to the arrival of the process's first request at the simulator (the
  action's is a read before its POST); median (and range) of the runs, beside a minimal Node
  script whose one request is a POST with \`fetch\`, and an empty Node script spawn to exit (the
  floor), in rotating order. _Minified_
  is the same source built with \`ncc --minify\` into a temp folder.${cliNote} These runs,
  and the reuse ones, are made while only the T = 90 s runs are left, sleeping between polls,
  and end at least 5 s before those checks turn final.
- **bundle**: the files of \`dist/\` and of a minified build, and where a stack trace taken inside
  each bundle points (the bundle loads \`sourcemap-register.cjs\`). The table under it splits
  both builds by package.
- **peak memory**: the largest resident set (\`process.resourceUsage().maxRSS\`, written at exit
  by a preloaded module) of the lag runs, beside the minimal fetch script's.
- **sweep of N**: one step with \`source-name: '*'\` and \`destination-name: '*'\` over a
  generated workspace of N connectors whose checks take 1 to 3 s, each with a check of the same
  length an hour before (its prior), at \`max-concurrency\` ${SWEEP_CONCURRENCY}, the simulator in a
  process of its own. _Wall_ is spawn to exit; _first list_, _matched_ (the first request naming a
  connector: both lists read and the patterns matched) and _first POST_ are times since the
  spawn, the POSTs waiting for every connector's latest check to be read. The _ideal makespan_ is
  longest-first list scheduling on ${SWEEP_CONCURRENCY} slots, each check holding its slot for its
  T plus the mean lag the poll schedule gives with the prior (model, 32 jitter draws; no request
  or start-up time); _T alone_ is the same with T only, what the platform needs. _Requests_ count
  every request naming the connector (the read of its latest check, the POST, the polls), beside
  the model's for its T. _CPU_ is the action's process over its life (the simulator's beside it);
  _load_ is the one-minute load average before and after the step.
- **paging**: one step with \`workflow-name\` naming the last of 500 workflows, against a
  server that gives 100 a page (what the action asks for) and one that caps pages at 20: list
  requests, the time from the first to the last at the server, and the fewest requests that can
  see the end of the list (every full page, then a short or empty one).
- **through squid**: one step checking 5 connectors (checks of 2 to 10 s) with \`HTTPS_PROXY\`
  pointing at a squid on a loopback port (its own config; its \`hosts_file\` resolves the API's
  made-up host name to the HTTPS simulator): requests at the simulator and CONNECT tunnels in
  squid's access log, beside \`@actions/http-client\` alone sending as many GETs through it.
  Without squid installed the row says so.
- **1 r/s limiter**: one step checking ${LIMITER_CONNECTORS} connectors whose checks take 3 s
  (default \`max-concurrency\`), behind nginx's \`limit_req\` (1 r/s per key, burst 0,
  \`limit_req_status 429\`, no Retry-After) in front of the simulator, then against the
  simulator's own token bucket (the same, with Retry-After): spawn to exit, the 429s among all
  requests the limiter saw, accepted requests per second of wall time, and the shortest time
  from a 429 to the next request that was not already on its way (one that came more than
  ${ON_ITS_WAY_MS} ms later).
- **reuse**: a step with \`reuse-success-seconds\` whose connector's latest check is a SUCCESS
  reported 2 s before, spawn to exit (it sends the read of the latest check and the name lookup,
  no POST), beside a minimal Node script that sends that one GET with \`fetch\` and exits, in
  rotating order; median (and range) of the runs. Under it, on a simulated clock, the checks that
  20 gates spread over 5 minutes start on the same 10 connectors (checks of 5 s), without reuse
  and with each window, through the action's own decision (\`reuseDecision\`).
- **Candidate schedules**: the same model for other schedules, to show the trade-off between lag
  and requests that the chosen one makes.
- **prior D**: the schedule given a prior D (how long the connector's last check took,
  \`reported_at - created_at\`), computed from \`pollGap\` for D = 5, 12, 30 and 90 s: checks
  whose T lies within D ± 20 % (41 values of T), far from it (T = 0.1 D and 3 D) and with no
  prior, each T with 32 jitter sequences shared by every schedule; _calls_ are the POST and the
  check GETs, plus 1 for the read of the latest check when it gave a prior (no name lookup and no
  request time, so the ratios are the strict ones). _Every T_ is the model of the rows above
  (every T to 600 s, every jitter draw) for those priors and absurd ones. The table under the
  main one has every case beside fixed 2 s and 5 s pollers, and the next one the candidate
  windows and gaps.

## Targets

${report.targets.map((line) => `- ${line}`).join('\n')}

## Choices the figures led to

- **The schedule** (\`src/wait/schedule.ts\`): 420 ms + 0.255 x elapsed, capped at
  \`poll-interval-seconds\`, shortened by 2 to 4 % of jitter. The candidate table shows why:
  growth much below 0.25 costs requests at T = 30 and 90 s, growth above it breaks the lag
  bound, and a wider jitter band costs either spare time or a request at T = 90 s. The name
  lookup of each connector and the read of its latest check before the POST (the baseline) are
  counted as requests everywhere above.
- **The window around a prior** (\`PRIOR_WINDOW\` in \`src/wait/schedule.ts\`): from 0.8 D to
  1.25 D each gap shrinks to 22 % of the plain one, but to no less than 3 % of D and 0.25 s,
  and the window's first poll comes one such gap after 0.8 D; every gap stays at most the plain
  one, so the lag bound holds whatever the prior. The candidate table shows why: a fixed share
  of D cannot meet both ends (5 % of D costs 1.5x the calls at D = 5 s yet keeps 0.44x the lag
  at D = 90 s; 8 % misses the lag at D = 30 and 90 s, 3 % the calls at D = 12 s), a first poll
  at 0.8 D itself serves only checks faster than that and costs a call at every D, a window
  reaching below 0.8 D costs calls at short D, one of ± 10 % misses half the checks it is for,
  and without the floor of 3 % of D a 300 s check would pay 1.5x the calls for its window.
- **Pacing after a 429** (\`RateGate\` in \`src/wait/rate-gate.ts\`): the _1 r/s limiter_ rows.
  Before it the gate opened for every waiting request at once after each 429: behind nginx at
  1 r/s, 102 of 129 requests were refused, 0.20 accepted a second, 135 s for 10 connectors.
  Now requests go out one at a time at what the API accepted in the second before the 429, a
  quarter slower, 5 % faster per answer at that pace, 1.5 times slower per 429 at a pace
  already slowed; and at most 4 are on their way before the first answers (one more per
  answer), since the opening burst alone, 20 requests at once, cost 19 refusals. The same
  gate against a model of that limiter with requests always waiting, for 2 minutes (as in
  \`__tests__/rate-gate.test.ts\`): 14 % refused and 0.74 accepted a second as chosen; 23 %
  and 0.68 at 10 % faster per answer; 8 % and 0.79 at 2 %, which however takes 2.5 times as
  many answers to get back to full speed after a 429 from an API that allows far more; 19 %
  and 0.76 at 1.25 times slower per 429; 10 % and 0.66 at twice.
- **Start-up: nothing before the first request that it does not need** (\`node --cpu-prof\`
  showed where it went: undici, a third of it, then compiling the 1.7 MB bundle, the
  source-map register, zod). undici is not bundled: \`@actions/http-client\` imports it only
  for \`getAgentDispatcher()\`, a \`fetch()\` dispatcher nothing here calls, so
  \`tsconfig.json\` maps it to \`src/api/undici-stub.ts\`. zod and the schemas are a chunk
  loaded with the first answer, the outputs, summary and JUnit writers one loaded when the step
  has ended, and the diagnosis rules are prepared on their first use. \`scripts/bundle.ts\`
  loads the register with \`require()\`: through \`import\`, Node runs its CommonJS lexer over
  the register's 40 KB of minified code first, which cost about as much as zod.
- **No minification.** It would halve the bundle and save a few ms of start-up (the _minified_
  figure of the start-up row), but a source map keeps stack traces readable either way, and a
  readable \`dist/\` lets a reviewer see what changed in the code that handles their API key.
  \`zod/mini\` would save only about 100 KiB under ncc, for a less readable schema code.
`
  const config = (await resolveConfig(BENCHMARKS_MD)) ?? {}
  await writeFile(BENCHMARKS_MD, await format(doc, { ...config, filepath: BENCHMARKS_MD }))
}

async function main(options: Options): Promise<void> {
  const started = performance.now()
  const loadAtStart = os.loadavg()
  const parts = new Set<Part>(options.only ?? PARTS)
  const bundle = path.resolve(ROOT, options.bundle)
  const cli = path.resolve(ROOT, options.cli)
  if (!existsSync(bundle)) throw new UsageError(`no bundle at ${bundle}`)
  const work = await WorkDir.create()
  const bench: Bench = { work, bundle }
  const phase = (name: string): void => {
    log(`${sec(performance.now() - started, 0)}: ${name}`)
  }
  try {
    const results: Results = {
      bundleLabel: path.relative(ROOT, bundle),
      cliLabel: path.relative(ROOT, cli),
      only: options.only,
      loadAtStart,
      loadAtEnd: []
    }
    // The CPU-heavy builds first, so they disturb none of the timed runs. Start-up times the
    // minified build too.
    let minifiedBundle = ''
    if (parts.has('size') || parts.has('startup')) {
      phase(
        parts.has('size')
          ? 'ncc builds into a temp folder (plain with --stats-out, and --minify)'
          : 'ncc --minify build into a temp folder'
      )
      const [minifiedDir, plain] = await Promise.all([
        buildMinified(work),
        parts.has('size') ? buildPlain(work) : undefined
      ])
      minifiedBundle = path.join(minifiedDir, 'index.js')
      if (plain !== undefined) {
        results.size = {
          sizes: await measureSizes(bench, plain, minifiedDir),
          traces: {
            dist: await traceFrame(work, bundle),
            minified: await traceFrame(work, minifiedBundle)
          }
        }
      }
    }
    const quiet: QuietTask[] = []
    if (parts.has('startup')) {
      quiet.push({
        name: 'start-up runs',
        estimateMs: 25_000,
        run: async () => {
          results.startup = await measureStartup(bench, minifiedBundle, cli)
        }
      })
    }
    if (parts.has('reuse')) {
      quiet.push({
        name: 'steps that reuse a recent check',
        estimateMs: 10_000,
        run: async () => {
          results.reuse = await measureReuse(bench)
        }
      })
    }
    if (parts.has('lag')) {
      phase('lag runs (about 100 s)')
      results.lag = await measureLag(bench, quiet)
    } else {
      for (const task of quiet) {
        phase(task.name)
        await task.run()
      }
    }
    if (parts.has('prior')) {
      phase('the schedule with a prior, computed')
      results.prior = modelPrior()
    }
    // After the lag runs, not beside them: 100 checks at once would disturb their timing.
    if (parts.has('sweep')) {
      phase(`sweeps of ${SWEEP_SIZES.join(' and ')} connectors (about 5 minutes)`)
      results.sweep = await measureSweeps(bench)
    }
    if (parts.has('paging')) {
      phase('paging 500 workflows at two page sizes')
      results.network = { ...results.network, paging: await measurePaging(bench) }
    }
    if (parts.has('proxy')) {
      phase('a step through squid, counting its tunnels')
      results.network = { ...results.network, proxy: await measureProxy(bench) }
    }
    // Last: its requests wait on a limiter for about a minute, and disturb nothing else.
    if (parts.has('limiter')) {
      phase(`${LIMITER_CONNECTORS} connectors behind a 1 r/s limiter: nginx, then the simulator`)
      results.limiter = await measureLimiter(bench)
    }
    results.loadAtEnd = os.loadavg()
    const report = buildReport(results)
    process.stdout.write(`${report.text}\n`)
    if (options.write) {
      await writeBenchmarksMd(report, results)
      log(`wrote ${path.relative(ROOT, BENCHMARKS_MD)}`)
    }
    phase('done')
  } finally {
    await work.remove()
  }
}

try {
  const options = parseOptions(process.argv.slice(2))
  if (options === 'help') process.stdout.write(USAGE)
  else await main(options)
} catch (error) {
  if (!(error instanceof UsageError)) throw error
  process.stderr.write(`bench: ${error.message}\n${USAGE}`)
  process.exitCode = 2
}
