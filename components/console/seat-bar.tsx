// The bar is shared with the portal; kept here so console imports stay as they are.
export { SeatBar } from "../ui/seat-bar";
