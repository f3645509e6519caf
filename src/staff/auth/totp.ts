/** TOTP codes are six digits for a 30-second time step. */
const STEP_S = 30

/**
 * The TOTP time step a six-digit code matches (one step either side for clock drift), or null.
 * The caller records the step, so the same code cannot be used twice.
 */
export async function checkCode(
  totpSecret: string,
  code: string,
  now: number,
): Promise<number | null> {
  const token = code.replace(/\s+/g, '')
  if (!/^[0-9]{6}$/.test(token)) return null
  const { verify } = await import('otplib')
  const epoch = Math.floor(now / 1000)
  try {
    const r = await verify({ secret: totpSecret, token, epoch, epochTolerance: STEP_S })
    return r.valid ? Math.floor(epoch / STEP_S) + r.delta : null
  } catch {
    // A malformed secret (never one we issued) matches nothing.
    return null
  }
}
