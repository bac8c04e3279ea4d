import ReactMarkdown from "react-markdown";
import type { Components } from "react-markdown";

/**
 * Markdown as React elements. Raw HTML in the text is not rendered (no rehype-raw), and
 * react-markdown's default URL filter drops `javascript:` and other unsafe link targets.
 */
const components: Components = {
  a: ({ node: _, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" />,
  img: ({ node: _, alt }) => <span>{alt ? `[image: ${alt}]` : "[image]"}</span>,
};

export function Markdown({ children, className = "" }: { children: string; className?: string }) {
  return (
    <div className={`markdown ${className}`}>
      <ReactMarkdown components={components}>{children}</ReactMarkdown>
    </div>
  );
}
