// `npm run lint`'s workflow-security check: every file in .github/workflows against
// scripts/workflow-rules.ts. Prints file:line: rule: message for each finding; exits 1 on any.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { checkWorkflow } from './workflow-rules.js'

const dir = fileURLToPath(new URL('../.github/workflows/', import.meta.url))
const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort()
let count = 0
for (const file of files) {
  for (const finding of checkWorkflow(await readFile(path.join(dir, file), 'utf8'))) {
    count += 1
    process.stderr.write(
      `.github/workflows/${file}:${finding.line}: ${finding.rule}: ${finding.message}\n`
    )
  }
}
if (count > 0) {
  process.stderr.write(`${count} workflow finding(s).\n`)
  process.exitCode = 1
} else {
  process.stdout.write(`Workflow security check: ${files.length} file(s), no findings.\n`)
}
