/** Search snippet segments; matches in <mark>. Plain text throughout: nothing is parsed as HTML. */
export function HighlightedText({ parts }: { parts: readonly { text: string; match: boolean }[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          <mark
            key={index}
            className="rounded-sm bg-amber-200/80 px-0.5 text-inherit dark:bg-amber-400/30"
          >
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
