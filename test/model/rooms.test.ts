import { roomsIn } from '../../src/model/rooms';

test.each([
  ['01', ['01']],
  [' 01 ', ['01']],
  [3, ['3']],
  ['第3考场', ['第3考场']],
  ['01、02', ['01', '02']],
  ['01,02', ['01', '02']],
  ['01，02，03', ['01', '02', '03']],
  ['01／02', ['01', '02']],
  ['第01、02考场', ['01', '02']],
  ['01至03', ['01', '02', '03']],
  ['01—03', ['01', '02', '03']],
  ['1~3', ['1', '2', '3']],
  ['01、03至04', ['01', '03', '04']],
  // A hyphen names one room by building and number (3-201): 01-02 is one room, as typed.
  ['01-02', ['01-02']],
  ['3-201', ['3-201']],
  ['A-105', ['A-105']],
  // A range backwards, or of more rooms than one row serves, is kept as typed.
  ['03至01', ['03至01']],
  ['1至99', ['1至99']],
  ['', []],
  [undefined, []],
])('the rooms of %p', (room, rooms) => {
  expect(roomsIn(room)).toEqual(rooms);
});
