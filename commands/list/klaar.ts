import { finishCommand } from "./finish.ts";

export default finishCommand({
  name: "klaar",
  alias: "done",
  status: "done",
  reply: "reply.klaar",
  summary: { nl: "Markeer een afspraak als klaar", en: "Mark an agreement as done" },
});
