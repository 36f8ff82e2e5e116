// Whether the link is one the person pays for by the megabyte (Network Information API: only some
// browsers tell; when they do not, the link counts as cheap and photos go).
interface NetworkInformationLike {
  type?: string;
  saveData?: boolean;
}

export function isMeteredConnection(nav: { connection?: NetworkInformationLike } | undefined): boolean {
  const connection = nav?.connection;
  return connection?.type === 'cellular' || connection?.saveData === true;
}
