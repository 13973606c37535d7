import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes a report the user asked for (JUnit XML, a summary) at `file`, creating missing folders
 * as actions/upload-artifact users expect; a relative path starts in the working directory.
 * Returns why it failed, or undefined.
 */
export async function writeReportFile(file: string, content: string): Promise<string | undefined> {
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true })
    await writeFile(file, content)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
