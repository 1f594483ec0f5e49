// The one shape every SMS provider is driven through: the outbox and its sender know nothing of
// a provider's wire format. A second provider is one more function returning this.

export type SmsRequest = {
  phone: string;
  signName: string;
  templateCode: string;
  params: Readonly<Record<string, string>>;
  /** the outbox message's id: the provider keeps it with the message and finds it by it */
  outId: string;
};

export type SendOutcome =
  /** the provider took the message; `providerId` is its id for it (阿里云 BizId) */
  | { kind: 'sent'; providerId: string }
  /** the provider refused it and says so; `retry` false: sending again cannot help */
  | { kind: 'refused'; error: string; retry: boolean }
  /**
   * No answer that says either way (a timeout, a 5xx, a broken connection): the provider may
   * have sent it. Before anything is sent again the sender asks `findSent`.
   */
  | { kind: 'uncertain'; error: string };

export type SmsProvider = {
  send(request: SmsRequest): Promise<SendOutcome>;
  /**
   * The provider's record of a message it took for this OutId on that Beijing date (YYYYMMDD),
   * or null when it holds none; throws when it cannot tell.
   */
  findSent(query: { phone: string; outId: string; sendDate: string }): Promise<string | null>;
};
