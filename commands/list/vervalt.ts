import { finishCommand } from "./finish.ts";

export default finishCommand({
  name: "vervalt",
  alias: "cancel",
  status: "cancelled",
  reply: "reply.vervalt",
  summary: { nl: "Laat een afspraak vervallen", en: "Cancel an agreement" },
});
