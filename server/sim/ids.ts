/**
 * Stable typed ids. Logic, tile events, memory subjects, conversations and the protocol
 * refer to people by id; names are for display only (two people may share one).
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A resident of the scenario: `r<index>`, stable for the life of a town. */
export type ResidentId = Brand<string, "ResidentId">;
/** A human player: `p` + a hash of the token their browser keeps, so it is the same on every visit. */
export type PlayerId = Brand<string, "PlayerId">;
/** A conversation: `c<seq>`, unique within a town. */
export type ConversationId = Brand<string, "ConversationId">;
/** Anyone who can be perceived, talk and be remembered. */
export type PersonId = ResidentId | PlayerId;

/** Who a person is, by kind: the id alone does not say whether they are a resident. */
export type PersonRef = { kind: "resident"; id: ResidentId } | { kind: "player"; id: PlayerId };

export const residentId = (index: number): ResidentId => `r${index}` as ResidentId;
export const asResidentId = (s: string): ResidentId => s as ResidentId;
export const asPlayerId = (s: string): PlayerId => s as PlayerId;
export const conversationId = (seq: number): ConversationId => `c${seq}` as ConversationId;
export const asConversationId = (s: string): ConversationId => s as ConversationId;

export function samePerson(a: PersonRef, b: PersonRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}
