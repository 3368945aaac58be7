// Colyseus reconnection reads the global WebSocket, which Node 20 lacks.
import { WebSocket } from "ws";
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
