// The report worker's entry point (a dedicated Worker, one request at a time).
import { handleReportRequest } from './handle';
import type { ReportMessage, ReportRequest } from './protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ReportRequest>) => void) | null;
  postMessage(message: ReportMessage, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  void handleReportRequest(event.data, (message, transfer) => scope.postMessage(message, transfer ?? []));
};
