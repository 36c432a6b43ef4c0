/** How many children one volunteer may support one-to-one at a time, unless configured otherwise. */
export const DEFAULT_MAX_CHILDREN_PER_VOLUNTEER = 3;
