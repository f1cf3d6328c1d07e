import { roomNo, roomPhrase, roomsIn } from '../../src/model/rooms';

test.each([
  ['01', ['01']],
  [' 01 ', ['01']],
  [3, ['3']],
  ['第3考场', ['3']],
  // 第 / 考场 / 号 around one room are not the room: 第3考场 is room 3, as in a list (第1、2考场); 101室 is as typed.
  ['第 3 考场', ['3']],
  ['3号考场', ['3']],
  ['101室', ['101室']],
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

test.each([
  ['01', '第 01 考场', '01'],
  [3, '第 3 考场', '3'],
  ['01、02', '第 01、02 考场', '01、02'],
  ['01至03', '第 01至03 考场', '01、02、03'],
  // A room that already says 考场 or 室 is quoted as written, never 第 第3考场 考场.
  ['第3考场', '第3考场', '3'],
  ['3号考场', '3号考场', '3'],
  ['101室', '101室', '101'],
  ['第1考场、第2考场', '第1考场、第2考场', '1、2'],
  // A room named otherwise than by a number is quoted, not wrapped in 第…考场 (review 25b D8).
  ['本部01', '考场“本部01”', '本部01'],
  ['A栋3', '考场“A栋3”', 'A栋3'],
  ['3号', '3号考场', '3'],
])('the room %p in a message: %p (zh), room %p (en)', (room, zh, en) => {
  expect(roomPhrase(room)).toBe(zh);
  expect(roomNo(room)).toBe(en);
});
