import { z } from "zod";

export const stationIdSchema = z.object({ stationId: z.uuid("Choose a station.") });
