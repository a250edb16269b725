/** The buyers' product page (查看), shared with the buyer's catalogue. */
export const productPagePath = (productId: string) => `/catalog/${productId}`;
