type Props = {
  caption: string;
  columns: readonly [string, string];
  rows: readonly { id: string; label: string; valueLabel: string }[];
};

/** The data of a chart as a table for screen readers: same rows, same exact figures. */
export function ChartTable({ caption, columns, rows }: Props) {
  // sr-only sits on a wrapper: a table ignores `width: 1px` and would widen the page.
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              <td>{row.valueLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
