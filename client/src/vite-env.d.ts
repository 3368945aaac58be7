/// <reference types="vite/client" />
// Vite's asset imports (`?url`) for the client.
