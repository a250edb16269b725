import ReactMarkdown from 'react-markdown';

/** Markdown as the product page renders it (no raw HTML). */
export default function Markdown({ text }: { text: string }) {
  return <ReactMarkdown>{text}</ReactMarkdown>;
}
