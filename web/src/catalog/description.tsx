import ReactMarkdown from 'react-markdown';

/** A product's Markdown description (no raw HTML); loaded with the product page only. */
export default function Description({ text }: { text: string }) {
  return (
    <div className="markdown-body">
      <ReactMarkdown>{text}</ReactMarkdown>
    </div>
  );
}
