export default function Page() {
  return <p>webhook-settings</p>;
}
