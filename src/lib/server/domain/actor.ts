/** Who makes a change: their id goes into the history, their name into live events. */
export interface Actor {
	id: number;
	name: string;
}
