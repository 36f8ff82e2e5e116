// The <option>s of a select over a fixed list of codes (a participant's role, an action point's
// status), each worded in French by `label`: the list and its wording in one place per select.
export function CodeOptions<Code extends string>({
  codes,
  label,
}: {
  codes: readonly Code[];
  label: (code: Code) => string;
}) {
  return codes.map((code) => (
    <option key={code} value={code}>
      {label(code)}
    </option>
  ));
}
