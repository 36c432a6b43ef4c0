export { personName, placeName, surname } from "./names.js";
export { chunks, Random } from "./random.js";
