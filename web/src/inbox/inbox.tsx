export default function Page() {
  return <p>inbox</p>;
}
