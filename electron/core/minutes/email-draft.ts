import MailComposer from 'nodemailer/lib/mail-composer';

export interface EmailDraftInput {
  to: string[];
  cc: string[];
  /** Left out unless given: the user's mail client fills in their own address. */
  from?: string;
  subject: string;
  /** Plain text. */
  body: string;
  attachment: { fileName: string; content: Uint8Array; contentType: string };
  date?: Date;
}

/**
 * An email draft as an .eml file: the message with its attachment, marked `X-Unsent: 1` so
 * that mail clients open it as a draft to send rather than as a message received.
 */
export function makeEmailDraft(input: EmailDraftInput): Promise<Buffer> {
  const { attachment } = input;
  const composer = new MailComposer({
    from: input.from,
    to: input.to,
    cc: input.cc,
    subject: input.subject,
    date: input.date,
    text: input.body,
    headers: { 'X-Unsent': '1' },
    attachments: [
      {
        filename: attachment.fileName,
        content: Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength),
        contentType: attachment.contentType,
        contentTransferEncoding: 'base64',
      },
    ],
    // Only what is given here goes into the message: no files or URLs are read.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
