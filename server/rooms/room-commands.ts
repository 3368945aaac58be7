/**
 * What a screened client message does in a town room: moves and words become Town calls,
 * questions to residents run off the tick (one of each kind in flight per person), the
 * inspector's view is sent once it is stored, and the host's controls (pause, speed,
 * whisper, kick, close, fork) are carried out for the host alone.
 */
import type { Client } from "@colyseus/core";
import { ErrorCode } from "../../shared/constants";
import { ServerMessageType, type BatteryAnswer, type ByeMessage, type ErrorMessage, type HostCommand, type HostDone, type InterviewAnswer } from "../../shared/protocol";
import { inspectResident } from "../agents/inspect";
import type { TownJournal } from "../durable/journal";
import { runBattery } from "../eval/battery";
import type { BatteryResult } from "../eval/battery-types";
import type { Mind } from "../mind/mind";
import type { Town } from "../town/town";
import type { Bans } from "./access";
import { refusal, type Accepted } from "./dispatch";
import { forkForPerson } from "./fork-town";
import type { LiveClock } from "./live-clock";
import { ResidentQuestions } from "./resident-questions";
import type { Persistence } from "./room-store";
import type { Seat, Seats } from "./seats";

/** What the commands need of their room (TownRoom). */
export interface CommandRoom {
  readonly roomId: string;
  readonly town: Town;
  readonly live: LiveClock;
  readonly journal: TownJournal | null;
  readonly seats: Seats;
  readonly bans: Bans;
  /** The host's player id; "first" until the first person joins; null: nobody hosts. */
  readonly hostId: string | null;
  townName(): string;
  syncState(): void;
  flushChat(): void;
  sendError(client: Client, error: ErrorMessage): void;
  endSeat(seat: Seat, reason: ByeMessage["reason"], message: string): void;
  closeTown(): Promise<void>;
  /** The store of the server's towns; null: none. */
  persistence(): Persistence | null;
  /** A mind for a fork of this town. */
  forkMind(): Mind;
}

export class RoomCommands {
  /** One interview in flight per person: answers may take a model call. */
  private readonly interviews: ResidentQuestions<string, string | null>;
  /** One battery in flight per person, like interviews: it is 25 of them, asked one after another. */
  private readonly batteries: ResidentQuestions<undefined, BatteryResult>;

  constructor(private readonly room: CommandRoom) {
    const sendError = (c: Client, e: ErrorMessage) => room.sendError(c, e);
    const where = () => room.roomId;
    this.interviews = new ResidentQuestions(
      {
        type: "interview",
        busy: "wait for the answer to your last question",
        failed: (name) => `${name} could not answer just now; try again`,
        ask: (town, agentId, asker, question) => town.interview(agentId, question, asker),
        answer: (seat, agentId, agentName, question, answer) => seat.client.send(ServerMessageType.Interview, { agentId, agentName, question, answer: answer ?? "" } satisfies InterviewAnswer),
      },
      sendError,
      where,
    );
    this.batteries = new ResidentQuestions(
      {
        type: "battery",
        busy: "wait for your last battery to finish",
        failed: (name) => `${name} could not be interviewed just now; try again`,
        ask: (town, agentId, asker) => runBattery(town, agentId, asker),
        answer: (seat, agentId, agentName, _none, result) => seat.client.send(ServerMessageType.Battery, { agentId, agentName, result } satisfies BatteryAnswer),
      },
      sendError,
      where,
    );
  }

  apply(seat: Seat, msg: Accepted): void {
    const { town } = this.room;
    const id = seat.playerId;
    const client = seat.client;
    switch (msg.type) {
      case "move":
        return this.answer(client, msg.type, town.movePlayerTo(id, msg.message.x, msg.message.y));
      case "walk":
        return this.answer(client, msg.type, town.walkPlayer(id, msg.message.dir));
      case "stop":
        return town.stopPlayer(id);
      case "say": {
        const to = msg.message.to === undefined ? undefined : (this.room.seats.get(msg.message.to)?.playerId ?? msg.message.to);
        const said = town.say(id, msg.message.text, to, msg.message.channel);
        if (!said.ok) return this.answer(client, msg.type, said);
        // Speaking to a resident starts a conversation, which shows in its state.
        this.room.syncState();
        return this.room.flushChat();
      }
      case "host":
        return this.host(seat, msg.message);
      case "interview":
        return this.interviews.put(town, seat, msg.message.agentId, msg.message.question);
      case "battery":
        return this.batteries.put(town, seat, msg.message.agentId, undefined);
      case "inspect": {
        const r = town.resident(msg.message.agentId);
        if (!r) return this.room.sendError(client, refusal(ErrorCode.NotFound, `no resident "${msg.message.agentId}"`, msg.type));
        const view = inspectResident(r, (who) => town.nameOf(who));
        // What the inspector shows has been stored.
        const journal = this.room.journal;
        if (!journal) return client.send(ServerMessageType.Inspect, view);
        void journal.commit().then(() => client.send(ServerMessageType.Inspect, view));
        return;
      }
      default:
        return assertNever(msg);
    }
  }

  /** The host's controls; anyone else is refused with `forbidden`. */
  private host(seat: Seat, command: HostCommand): void {
    const { room } = this;
    const client = seat.client;
    if (room.hostId === null || seat.playerId !== room.hostId) {
      const why = room.hostId === null ? "this town has no host: nobody can" : "only the host of this town can";
      return room.sendError(client, refusal(ErrorCode.Forbidden, `${why} ${command.action}`, "host"));
    }
    const done = (message: string) => client.send(ServerMessageType.HostDone, { action: command.action, message } satisfies HostDone);
    switch (command.action) {
      case "pause":
        room.live.pause();
        room.syncState();
        return done("paused");
      case "resume":
        room.live.resume();
        room.syncState();
        return done("running");
      case "speed":
        room.live.setSpeed(command.speed);
        room.syncState();
        return done(`speed ${command.speed}x`);
      case "whisper": {
        const r = room.town.resident(command.agentId);
        if (!r || !room.town.whisper(command.agentId, command.text)) return room.sendError(client, refusal(ErrorCode.NotFound, `no resident "${command.agentId}"`, "host"));
        client.send(ServerMessageType.Whispered, { agentId: command.agentId, text: command.text });
        return done(`${r.name} will remember it`);
      }
      case "kick": {
        const target = room.seats.get(command.target)?.playerId ?? command.target;
        const seats = room.seats.ofPlayer(target);
        if (target === seat.playerId) return room.sendError(client, refusal(ErrorCode.BadMessage, "the host cannot kick themselves", "host"));
        if (seats.length === 0) return room.sendError(client, refusal(ErrorCode.NotFound, `nobody "${command.target.slice(0, 40)}" is in this town`, "host"));
        const name = room.town.players.get(target as never)?.name ?? "a spectator";
        room.bans.ban(target as never, Date.now());
        for (const s of seats) room.endSeat(s, "kicked", "the host asked you to leave this town");
        return done(`${name} was asked to leave`);
      }
      case "close":
        done("closing the town");
        return void room.closeTown();
      case "fork":
        return void this.fork(seat, command.name);
    }
  }

  /** The host's copy of the town as it is now: a new private town they host, with its own code. */
  private async fork(seat: Seat, name: string | undefined): Promise<void> {
    const { room } = this;
    const p = room.persistence();
    if (!p || !room.journal) return room.sendError(seat.client, refusal(ErrorCode.Forbidden, "this server keeps no towns, so it cannot fork one", "host"));
    try {
      await room.journal.snapshot();
      const forked = await forkForPerson(p.store, room.roomId, { hostId: seat.playerId, name: name ?? `${room.townName()} (fork)`, private: true }, room.forkMind());
      const done: HostDone = { action: "fork", message: `forked at step ${forked.step}: invite code ${forked.roomId}`, town: { roomId: forked.roomId, link: forked.link } };
      seat.client.send(ServerMessageType.HostDone, done);
    } catch (err) {
      console.error(`[town ${room.roomId}] fork failed:`, err);
      room.sendError(seat.client, refusal(ErrorCode.Busy, `the town could not be forked: ${(err as Error).message}`, "host"));
    }
  }

  private answer(client: Client, type: string, result: { ok: true } | { ok: false; code: ErrorCode; message: string }): void {
    if (!result.ok) this.room.sendError(client, refusal(result.code, result.message, type));
  }
}

function assertNever(x: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(x)}`);
}
