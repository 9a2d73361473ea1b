/**
 * The Redis side of the storefront cache, one atomic script per step, on Redis's clock so every instance
 * agrees. Keys: a tenant's generation counter, its `writes` leases (a sorted set: write id -> when the
 * lease lapses, in ms) and an entry (`<generation>\n<JSON data>`).
 *
 * A generation counter that does not exist (never written, or evicted) is created at a random start
 * (ARGV `start`), not at 0: if Redis ever dropped a counter, its next values cannot meet those of
 * entries stored before, so an old answer can never match again. A look-up that finds no counter reads
 * generation 0, which no entry carries.
 */

const NOW_MS = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const BUMP = `local function bump(key, start)
  if redis.call('EXISTS', key) == 0 then redis.call('SET', key, start) end
  return redis.call('INCR', key)
end`;

/** KEYS: generation, writes. ARGV: write id, lease ms, '1' to begin (bumps) or '0' to renew, start. */
export const LEASE_SCRIPT = `${NOW_MS}
${BUMP}
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
if ARGV[3] == '1' then bump(KEYS[1], ARGV[4]) end
return 1`;

/** KEYS: generation, writes. ARGV: write id, start. Ends a write: drops its lease, bumps. */
export const END_SCRIPT = `${BUMP}
redis.call('ZREM', KEYS[2], ARGV[1])
return bump(KEYS[1], ARGV[2])`;

/** KEYS: generation. ARGV: start. */
export const BUMP_SCRIPT = `${BUMP}
return bump(KEYS[1], ARGV[1])`;

/**
 * KEYS: generation, writes, entry. ARGV: the generation the answer began at ('0': no counter yet), the
 * JSON data, the TTL in ms, start. Stores only if the generation did not move and no lease is live.
 */
export const STORE_SCRIPT = `local g = redis.call('GET', KEYS[1])
if not g then
  -- No write of the tenant since the answer began (a write creates the counter): start counting.
  if ARGV[1] ~= '0' then return 0 end
  redis.call('SET', KEYS[1], ARGV[4])
  g = ARGV[4]
elseif g ~= ARGV[1] then
  return 0
end
${NOW_MS}
if redis.call('ZCOUNT', KEYS[2], '(' .. now, '+inf') > 0 then return 0 end
redis.call('SET', KEYS[3], g .. '\\n' .. ARGV[2], 'PX', ARGV[3])
return 1`;
