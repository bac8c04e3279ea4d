import type { DomainEventDraft } from "@tesseract/validators";
import superjson from "superjson";
import type { Services } from "../services.ts";

export interface PublishedEvent {
  streamKey: string;
  event: DomainEventDraft;
}

/**
 * For tests: records every event the bus is asked to publish (and still publishes it) until
 * `restore` is called.
 */
export function recordPublished(services: Pick<Services, "live">): {
  published: PublishedEvent[];
  restore: () => void;
} {
  const bus = services.live.bus;
  const publish = bus.publish.bind(bus);
  const published: PublishedEvent[] = [];
  bus.publish = async (streamKey, payload) => {
    published.push({ streamKey, event: superjson.parse<DomainEventDraft>(payload) });
    return publish(streamKey, payload);
  };
  return {
    published,
    restore: () => {
      bus.publish = publish;
    },
  };
}
