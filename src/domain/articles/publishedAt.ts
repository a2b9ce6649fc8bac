/** Minutes east of UTC of an ISO date-time's offset ("Z" or "+07:00"). */
export function utcOffsetMinutes(isoDateTime: string): number {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(isoDateTime);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** The instant as local time at the given offset: 2023-09-20T12:14:00+07:00. */
export function formatWithOffset(instant: Date, offsetMinutes: number): string {
  const local = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
