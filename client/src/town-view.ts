/**
 * Glue between the connection, the Phaser scene and the HUD: every server event goes to
 * whichever of them shows it. The scene draws; the HUD lists, tags and controls.
 */
import { EARSHOT_TILES } from "../../shared/constants";
import type { BatteryAnswer, ByeMessage, ChatDelta, ChatMessage, ErrorMessage, HostDone, InspectAnswer, InterviewAnswer } from "../../shared/protocol";
import type { Hud } from "./hud";
import type { AgentState, LinkStatus, PlayerState, TownConnection, TownListener, TownState, WhisperedMessage } from "./net";
import type { TownScene } from "./scenes/TownScene";

export { EARSHOT_TILES };

export class TownView implements TownListener {
  linkStatus: LinkStatus = "open";

  constructor(private connection: TownConnection, private scene: TownScene, private hud: Hud) {
    hud.setWelcome(connection.welcome);
  }

  /** Whether our avatar is close enough to a resident for them to hear it. */
  canHear(residentId: string): boolean {
    const { agents, players } = this.connection.state;
    const me = players.get(this.connection.playerId);
    const them = agents.get(residentId);
    return !!me && !!them && Math.abs(me.x - them.x) + Math.abs(me.y - them.y) <= EARSHOT_TILES;
  }

  /** The followed resident changed: the inspector shows them and the chat box speaks to them. */
  focusChanged(id: string | null): void {
    if (!id) return this.hud.inspector.hide();
    this.showInspector(id);
    const agent = this.connection.state.agents.get(id);
    if (agent && this.hud.chat) this.hud.chat.setTarget({ id, name: agent.name });
  }

  agentAdded(id: string, agent: AgentState): void {
    this.scene.agentAdded(id, agent);
  }

  agentChanged(id: string, agent: AgentState): void {
    this.scene.agentChanged(id, agent);
    if (id === this.scene.followedResident) this.showInspector(id);
  }

  agentRemoved(id: string): void {
    this.scene.agentRemoved(id);
  }

  playerAdded(id: string, player: PlayerState): void {
    this.scene.playerAdded(id, player);
    this.hud.setTown(this.connection.state);
  }

  playerChanged(id: string, player: PlayerState): void {
    this.scene.playerChanged(id, player);
  }

  playerRemoved(id: string): void {
    this.scene.playerRemoved(id);
    this.hud.setTown(this.connection.state);
  }

  townChanged(state: TownState): void {
    this.hud.setTown(state);
  }

  feed(lines: ChatMessage[]): void {
    this.hud.addRecent(lines);
  }

  chat(line: ChatMessage): void {
    this.hud.addChat(line);
    this.scene.said(line.from, line.text);
  }

  chatDelta(delta: ChatDelta): void {
    this.hud.addDelta(delta);
    this.scene.said(delta.from, delta.text);
  }

  inspected(answer: InspectAnswer): void {
    this.hud.inspector.inspected(answer);
  }

  interviewed(answer: InterviewAnswer): void {
    this.hud.inspector.interviewed(answer);
  }

  batteryDone(answer: BatteryAnswer): void {
    this.hud.inspector.batteryDone(answer);
  }

  whispered(message: WhisperedMessage): void {
    this.hud.inspector.whispered(message);
  }

  /** Whispers are confirmed in the inspector (`whispered`); other host commands by a toast. */
  hostDone(done: HostDone): void {
    if (done.action === "fork" && done.town) this.hud.forked(done.town);
    if (done.action !== "whisper" && done.message) this.hud.toast(done.message, "info");
  }

  /** Errors about the inspector's requests show in it; the rest as toasts. */
  serverError(error: ErrorMessage): void {
    if (this.hud.inspector.failed(error)) return;
    this.hud.toast(error.message || error.code);
  }

  bye(bye: ByeMessage): void {
    this.linkStatus = "closed";
    this.hud.notice.bye(bye);
  }

  link(status: LinkStatus, code?: number): void {
    this.linkStatus = status;
    this.hud.notice.reconnecting(status === "reconnecting");
    if (status === "open") this.hud.toast("Reconnected.", "info");
    if (status === "closed") this.hud.notice.ended("Disconnected", `The connection to the town was lost (code ${code ?? "?"}).`, "disconnected");
  }

  private showInspector(id: string): void {
    const agent = this.connection.state.agents.get(id);
    if (!agent) return;
    this.hud.inspector.show(id, {
      name: agent.name,
      emoji: agent.emoji,
      action: agent.action,
      location: agent.location,
      talking: agent.conversationId !== "",
      thinking: agent.thinking,
    });
  }
}
