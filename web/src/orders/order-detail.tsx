export default function Page() {
  return <p>order-detail</p>;
}
