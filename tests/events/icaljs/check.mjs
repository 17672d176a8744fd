// Reads iCalendar text on stdin and parses it the way Thunderbird does:
// every VEVENT's start is resolved in its VTIMEZONE. Prints JSON facts for
// the Python test; any parse error exits non-zero.
import ICAL from "ical.js";

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) input += chunk;

const root = new ICAL.Component(ICAL.parse(input));
for (const vtz of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
}
const events = root.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    start_utc: event.startDate.toJSDate().toISOString(),
    zone: event.startDate.zone.tzid,
    sequence: event.sequence,
  };
});
process.stdout.write(JSON.stringify({ method: root.getFirstPropertyValue("method"), events }));
